import { commands } from '../cli/commands.js'
import { runCli } from '../cli/runCli.js'

process.exitCode = await runCli(commands, process.argv.slice(2))
