import { parse } from '../validation/parse.js'
import { commandSchema } from './commandSchema.js'
import type { CalderaCommand, CommandOption } from './defineCommand.js'

/** The `--help` text of one command: summary, usage, arguments and options. */
// biome-ignore lint/suspicious/noExplicitAny: any option shape
export function formatCommandHelp(command: CalderaCommand<any>): string {
  parse(commandSchema, command, 'command')
  const lines = [command.summary, '', `Usage: ${command.usage}`]
  const positionals = command.positionals ?? []
  if (positionals.some((p) => p.description)) {
    lines.push('', 'Arguments:')
    for (const p of positionals)
      lines.push(`  <${p.name}>${p.required ? '' : ' (optional)'}  ${p.description ?? ''}`)
  }
  const options = Object.entries(command.options as Record<string, CommandOption>)
  lines.push('', 'Options:')
  const rendered = options.map(([key, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${key}${o.type === 'string' ? ` ${o.valueName ?? '<value>'}` : ''}`
    const def =
      o.default === undefined
        ? ''
        : ` (default: ${Array.isArray(o.default) ? o.default.join(', ') : String(o.default)})`
    return [flag, `${o.description}${o.multiple ? ' Repeatable.' : ''}${def}`] as const
  })
  rendered.push(['-h, --help', 'Shows this help.'])
  const width = Math.max(...rendered.map(([flag]) => flag.length))
  for (const [flag, text] of rendered) lines.push(`  ${flag.padEnd(width)}  ${text}`)
  if (command.description) lines.push('', command.description.trim())
  lines.push('', 'Exit codes: 0 success, 1 failure, 2 usage error.')
  return `${lines.join('\n')}\n`
}
