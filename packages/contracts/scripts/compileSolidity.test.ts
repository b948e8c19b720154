import { describe, expect, it } from 'vitest'
import { compileSolidity } from './compileSolidity.js'

describe('compileSolidity', () => {
  it('compiles and resolves OpenZeppelin imports', () => {
    const result = compileSolidity(
      {
        'T.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract T is ERC20 { constructor() ERC20("T", "T") {} }`,
      },
      '.',
    )
    expect(result.problems).toEqual([])
    expect(result.contracts.map((c) => c.name)).toEqual(['T'])
    expect(result.contracts[0]!.bytecode.length).toBeGreaterThan(1000)
  })

  it('reports warnings, which the build treats as failures', () => {
    const result = compileSolidity(
      {
        'W.sol': `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
contract W { function f(uint256 unused) external pure returns (uint256) { return 1; } }`,
      },
      '.',
    )
    expect(result.problems.map((p) => p.severity)).toEqual(['warning'])
    expect(result.problems[0]!.formattedMessage).toMatch(/Unused function parameter/)
  })
})
