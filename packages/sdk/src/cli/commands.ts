import type { CalderaCommand } from '@caldera/core/cli'
import { devnetUpCommand } from '@caldera/devnet/cli'

/** Every command of the `caldera` command line, in the order `caldera --help` lists them. */
// biome-ignore lint/suspicious/noExplicitAny: commands of any option shape
export const commands: readonly CalderaCommand<any>[] = [devnetUpCommand]
