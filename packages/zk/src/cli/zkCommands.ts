import { defineCommand } from '@caldera/core/cli'
import { contributePhase2, verifyPhase2 } from '../ceremony/phase2.js'

const resolveAgainst = (cwd: string, path: string) =>
  path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? path : `${cwd.replace(/[\\/]$/, '')}/${path}`

/** `caldera zk contribute`: adds a phase-2 contribution to a zkey. */
export const zkContributeCommand = defineCommand({
  path: ['zk', 'contribute'],
  summary: 'Adds your phase-2 contribution to a Groth16 zkey and prints the contribution hash.',
  usage: 'caldera zk contribute <in.zkey> <out.zkey> --name <name> [--entropy <text>]',
  options: {
    name: { type: 'string', description: 'Contributor name recorded in the zkey.', valueName: '<name>' },
    entropy: {
      type: 'string',
      description: 'Secret randomness (default: 64 random bytes). Never reuse it.',
      valueName: '<text>',
    },
  },
  positionals: [
    { name: 'in.zkey', required: true, description: 'zkey from the previous participant.' },
    { name: 'out.zkey', required: true, description: 'Where to write the new zkey.' },
  ],
  description:
    'Pass out.zkey to the next participant. Publish the printed hash so others can check it in the final zkey.',
  async run({ values, positionals, io }) {
    const [input, output] = positionals
    const { contributionHash } = await contributePhase2({
      zkey: resolveAgainst(io.cwd, input!),
      out: resolveAgainst(io.cwd, output!),
      name: values.name ?? 'anonymous',
      ...(values.entropy ? { entropy: values.entropy } : {}),
    })
    io.stdout(`${JSON.stringify({ out: output, contributionHash })}\n`)
    return 0
  },
})

/** `caldera zk verify`: checks a zkey against its circuit and powers of tau. */
export const zkVerifyCommand = defineCommand({
  path: ['zk', 'verify'],
  summary: 'Verifies that a zkey comes from a circuit and powers of tau through valid phase-2 contributions.',
  usage: 'caldera zk verify <circuit.r1cs> <powers.ptau> <circuit.zkey>',
  options: {},
  positionals: [
    { name: 'circuit.r1cs', required: true },
    { name: 'powers.ptau', required: true },
    { name: 'circuit.zkey', required: true },
  ],
  description: 'Exit code 0 when the zkey verifies, 1 when it does not.',
  async run({ positionals, io }) {
    const [r1cs, ptau, zkey] = positionals.map((p) => resolveAgainst(io.cwd, p))
    const lines: string[] = []
    const ok = await verifyPhase2({ r1cs: r1cs!, ptau: ptau!, zkey: zkey!, log: (l) => lines.push(l) })
    for (const line of lines.filter((l) => /contribution|Hash|#/.test(l))) io.stdout(`${line}\n`)
    io.stdout(ok ? 'zkey OK\n' : 'zkey INVALID\n')
    return ok ? 0 : 1
  },
})
