import { breakerReplayCommand } from '@caldera/circuit-breaker/cli'
import { amlScanCommand } from '@caldera/compliance/cli'
import type { CalderaCommand } from '@caldera/core/cli'
import { deployCommand } from '@caldera/deploy-lite'
import { devnetUpCommand } from '@caldera/devnet/cli'
import { domainClassifyCommand, domainDefineCommand } from '@caldera/risk-domain/cli'
import { sandboxRunCommand } from '@caldera/sandbox/cli'
import { zkContributeCommand, zkVerifyCommand } from '@caldera/zk/cli'

/** Every command of the `caldera` command line, in the order `caldera --help` lists them. */
// biome-ignore lint/suspicious/noExplicitAny: commands of any option shape
export const commands: readonly CalderaCommand<any>[] = [
  sandboxRunCommand,
  deployCommand,
  amlScanCommand,
  breakerReplayCommand,
  domainClassifyCommand,
  domainDefineCommand,
  zkContributeCommand,
  zkVerifyCommand,
  devnetUpCommand,
]
