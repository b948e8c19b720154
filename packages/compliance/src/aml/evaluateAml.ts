import { check, inputSchemas } from '../internal/inputs.js'
import type { AmlDataset, PlantedTypology } from './generateAmlData.js'
import { plantedTypologies } from './generateAmlData.js'
import type { AmlAlert } from './types.js'

/** Recall and precision of one typology. */
export type TypologyScore = {
  patterns: number
  detected: number
  recall: number
  alerts: number
  truePositives: number
  precision: number
}

/**
 * Scores alerts against a labelled dataset, per typology. An alert is a true positive when most of
 * its evidence transactions belong to planted patterns; a pattern is detected when an alert of
 * its typology cites one of its transactions. Recall = detected / patterns, precision = true
 * positives / alerts (1 when there are no alerts).
 *
 * @example
 * import { evaluateAml, generateAmlData, replayAml } from '@caldera/compliance'
 * const data = generateAmlData({ seed: 1 })
 * const { alerts } = replayAml({ transactions: data.transactions })
 * const scores = evaluateAml({ dataset: data, alerts })
 * scores['fan-out'].recall
 */
export function evaluateAml(parameters: {
  dataset: Pick<AmlDataset, 'transactions' | 'patterns'>
  alerts: readonly AmlAlert[]
}): Record<PlantedTypology, TypologyScore> {
  check(inputSchemas.evaluateAml, parameters, 'evaluateAml parameters')
  const patternOf = new Map<string, number>()
  for (const tx of parameters.dataset.transactions) if (tx.alertId >= 0) patternOf.set(tx.id, tx.alertId)
  const out = {} as Record<PlantedTypology, TypologyScore>
  for (const typology of plantedTypologies) {
    const patterns = parameters.dataset.patterns.filter((p) => p.typology === typology)
    const alerts = parameters.alerts.filter((a) => a.ruleId === typology)
    const hit = new Set<number>()
    let truePositives = 0
    for (const alert of alerts) {
      let sar = 0
      for (const id of alert.evidence) {
        const pattern = patternOf.get(id)
        if (pattern === undefined) continue
        sar++
        hit.add(pattern)
      }
      if (sar * 2 >= alert.evidence.length && sar > 0) truePositives++
    }
    const detected = patterns.filter((p) => hit.has(p.alertId)).length
    out[typology] = {
      patterns: patterns.length,
      detected,
      recall: patterns.length === 0 ? 1 : detected / patterns.length,
      alerts: alerts.length,
      truePositives,
      precision: alerts.length === 0 ? 1 : truePositives / alerts.length,
    }
  }
  return out
}
