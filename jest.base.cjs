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
    ...extra,
  };
};
