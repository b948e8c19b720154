/** solc settings every Caldera contract is compiled with (shared by the build and the tests). */
export const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
} as const
