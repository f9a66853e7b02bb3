#!/usr/bin/env node
// Checks Cypher query texts with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, pinned in package.json).
//
// stdin:  a JSON object {"name": "query text", ...}
// stdout: a JSON object {"name": [{"severity": "error"|"warning",
//                                  "message": "...", "line": n, "column": n}], ...}
//         with one key per input name (an empty list when the query is clean).
//         line and column are 1-based and point at the start of the problem.
// exit:   0 when every query was checked (whatever it found), 2 on bad input.
//
// The linter runs without a database schema, so diagnostics that only mean
// "this is not in the (empty) schema" are dropped: undefined parameters
// (parameters are supplied at run time) and unknown labels, relationship
// types, properties, functions and procedures. Text with several statements
// separated by ';' (migrations) is parsed as a whole: the parser splits it
// and reports positions relative to the full text.

import process from 'node:process';

import {
  isNotParamError,
  lintCypherQuery,
} from '@neo4j-cypher/language-support';

const DB_SCHEMA = Object.freeze({ defaultLanguage: 'CYPHER 5' });
const LINT_OPTIONS = Object.freeze({ consoleCommandsEnabled: false });

// LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information, 4 Hint.
const LSP_ERROR = 1;

// Messages the package emits when a name is missing from the db schema.
// With an empty schema these checks are skipped by the package; the filter
// keeps that true should a schema ever be passed in.
const SCHEMA_ONLY_PATTERNS = [
  / is not present in the database\. Make sure you didn't misspell it/,
  / is a (function|procedure), not a (procedure|function)\. Did you mean /,
];

function isSchemaOnly(diagnostic) {
  if (!isNotParamError(diagnostic)) {
    return true;
  }
  return SCHEMA_ONLY_PATTERNS.some((re) => re.test(diagnostic.message));
}

function toResult(diagnostic) {
  const start = diagnostic.range?.start ?? { line: 0, character: 0 };
  return {
    severity: diagnostic.severity === LSP_ERROR ? 'error' : 'warning',
    message: diagnostic.message,
    line: start.line + 1,
    column: start.character + 1,
  };
}

function lintOne(query) {
  try {
    const { diagnostics } = lintCypherQuery(query, DB_SCHEMA, LINT_OPTIONS);
    return diagnostics.filter((d) => !isSchemaOnly(d)).map(toResult);
  } catch (err) {
    // A crash of the checker must not pass a query silently.
    return [
      {
        severity: 'error',
        message: `cypher-lint internal failure: ${err?.stack ?? err}`,
        line: 1,
        column: 1,
      },
    ];
  }
}

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

// Read stdin as a stream: readFileSync(0) throws EAGAIN when the pipe is non-blocking and
// the writer has not finished yet (seen under load).
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch (err) {
    fail(`stdin is not valid JSON: ${err.message}`);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    fail('stdin must be a JSON object {"name": "query text", ...}');
  }
  for (const [name, query] of Object.entries(input)) {
    if (typeof query !== 'string') {
      fail(`query ${JSON.stringify(name)} is not a string`);
    }
  }

  // Keep stdout for the JSON answer alone: anything the package logs goes
  // to stderr.
  const toStderr = (...args) =>
    process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;

  const output = Object.create(null);
  for (const [name, query] of Object.entries(input)) {
    output[name] = lintOne(query);
  }
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

await main();
