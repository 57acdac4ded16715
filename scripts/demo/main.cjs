// The demo's entry point. A CommonJS file, not main.ts itself: with `--import`, Node loads the
// entry through its ES module loader, which would run main.ts as an ES module (type stripping)
// and ignore ts-node and the `@app/sentry` alias; `require` goes through both (see preload.mjs).
require('../../apps/demo/src/main.ts');
