// Shared jest settings: swc transpiles TS to CJS, and workspace packages resolve to their
// sources so tests never depend on a stale dist/ (see ../shared/TOOLCHAIN.md).
const path = require('node:path');

module.exports = function jestConfig(packageDir, extra = {}) {
  const root = __dirname;
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
    moduleNameMapper: {
      '^@marksim/core$': path.join(root, 'packages/core/src/index.ts'),
      '^@marksim/agents$': path.join(root, 'packages/agents/src/index.ts'),
      '^@marksim/stream$': path.join(root, 'packages/stream/src/index.ts'),
      '^@marksim/ws-server$': path.join(root, 'packages/ws-server/src/index.ts'),
      '^@marksim/ws-server/protocol$': path.join(root, 'packages/ws-server/src/protocol/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    rootDir: packageDir,
    // Tests await real sockets, files and child processes; on a shared 2-core machine with turbo
    // running several packages at once, 5 s is too tight for the slowest of them.
    testTimeout: 30_000,
    // Jest gives each test file its own copies of the built-ins; a hot loop calling Math.* through
    // them runs about 100x slower (a 2 h realism run: 26 s under jest, 5 s in node). The real
    // ones are shared instead: no test replaces or spies on these globals.
    sandboxInjectedGlobals: ['Math', 'Number', 'Array', 'Object', 'String', 'Symbol', 'Error'],
    ...extra,
  };
};
