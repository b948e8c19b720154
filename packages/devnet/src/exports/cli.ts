export { devnetUpCommand } from '../cli/devnetUpCommand.js'
