import { expect, it } from 'vitest'
import * as sandbox from './index.js'

it('exports the public surface', () => {
  expect(Object.keys(sandbox).sort()).toMatchInlineSnapshot()
})
