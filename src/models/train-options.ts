export interface TrainOptions {
  dataDir: string | undefined;
  epochs: number;
  seed: number;
  /** Model file to write (default: models/<name>.bin.gz). */
  out: string | undefined;
}
