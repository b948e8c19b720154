import { runGameLight } from './gameLight.js'

await runGameLight()
