import { createDefaultPipeline } from '../extractors/default.js';
import type { Pipeline } from '../pipeline/runner.js';
import type { Trace } from '../pipeline/trace.js';
import { Doc } from '../text/doc.js';
import { toExtraction } from '../text/serialize.js';
import type { ExtractionDocument } from '../text/types.js';
import type { Article } from './article.js';

/** Runs the pipeline over articles; build one and reuse it, so models load once per process. */
export class Extractor {
  readonly pipeline: Pipeline;

  constructor(pipeline: Pipeline = createDefaultPipeline()) {
    this.pipeline = pipeline;
  }

  doc(article: Article, trace?: Trace): Doc {
    const meta = {
      ...(article.id !== undefined ? { id: article.id } : {}),
      ...(article.published !== undefined ? { published: article.published } : {}),
      ...(article.title !== undefined ? { title: article.title } : {}),
      ...(article.byline !== undefined ? { byline: article.byline } : {}),
      ...(article.url !== undefined ? { url: article.url } : {}),
    };
    return this.pipeline.run(new Doc(article.text, meta), trace);
  }

  extract(article: Article, trace?: Trace): ExtractionDocument {
    return toExtraction(this.doc(article, trace));
  }
}
