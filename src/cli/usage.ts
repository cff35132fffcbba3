// Every command's usage text, apart from the commands themselves: `vigil --help` prints them all
// without loading the pipeline, the storage or the server.

/** Where the data lives unless told: one SQLite file under the working directory. */
export const DEFAULT_DB = '.vigil-data/vigil.db';

export const DB_USAGE = `  --db PATH|URL    a SQLite file (default $VIGIL_DB or ${DEFAULT_DB}) or postgres://user@host/db`;

export const WATCH_USAGE = `usage: vigil watch NAME... [--org] [--db PATH|URL]   watch people (or organisations): every event makes a case
       vigil watch [--db PATH|URL]                      the watch list
       vigil watch --triage [--db PATH|URL]             possible cases waiting for an analyst (decide them in the web app)`;

export const CASES_USAGE = `usage: vigil cases [--status STATUS] [--json] [--db PATH|URL]      one line per case
       vigil cases ID [--json]                                    one case: status, timeline, sources
${DB_USAGE}`;

export const EXPORT_USAGE = `usage: vigil export [--format json|csv|plover] [--db PATH|URL]   every case, on stdout
       vigil export --dossier CASE_ID                            one case's HTML dossier
${DB_USAGE}`;

export const EXTRACT_USAGE = `usage: vigil extract FILE|DIR|- [FILE…] [--published YYYY-MM-DD] [--format json|pretty] [--jsonl] [--html] [--trace]
  one input        prints its extraction document
  several, a DIR   prints JSON Lines, one document a line with its "id"
  --jsonl          reads JSON Lines input: {"id", "text" or "html", "published"} a line
  --html           treat input as HTML even without an .html name
  --trace          print what each pipeline component did, on stderr`;

export const INGEST_USAGE = `usage: vigil ingest FILE|DIR|URL… [--published YYYY-MM-DD] [--db PATH|URL] [--no-wait]
       vigil ingest --jsonl FILE | --csv FILE        bulk import, with progress
       vigil ingest --feed URL [--every MINUTES]     subscribe to an RSS/Atom feed and poll it now
  stores each report once, extracts it and updates the cases (unless --no-wait: \`vigil serve\` will)
${DB_USAGE}`;

export const SERVE_USAGE = `usage: vigil serve [--port 8080] [--host 127.0.0.1] [--workers 1|N|auto] [--db PATH|URL]
  starts the web app, the API and the background worker (extraction, feeds, alert delivery)
  --workers N   N server processes sharing the port ($VIGIL_WORKERS; auto: one per CPU), and
                one background process; $VIGIL_DB_POOL PostgreSQL connections (default 10)
                are shared among them, at least 2 each
${DB_USAGE}`;

export const SHARE_USAGE = `usage: vigil share identity                          this Vigil's name, key fingerprint and public key
       vigil share partners                          the partners whose bundles are accepted
       vigil share add-partner NAME KEY.pem          accept bundles signed with this key (check its fingerprint first)
       vigil share export CASE_ID [--out FILE] [--name real|code|initials] [--withhold WORD]...
                          [--withhold-places] [--name-speakers] [--notes] [--recipient PARTNER_ID]
                                                     a signed, redacted bundle of an open case
       vigil share import FILE --as EMAIL            open a case from a partner's bundle; EMAIL's account becomes its member
${DB_USAGE}`;

export const USERS_USAGE = `usage: vigil users add EMAIL [--name NAME] [--role admin|analyst|viewer] [--db PATH|URL]
       vigil users list [--db PATH|URL]
  the password is read from $VIGIL_PASSWORD, or generated and printed once
${DB_USAGE}`;
