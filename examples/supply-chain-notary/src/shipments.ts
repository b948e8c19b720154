/** A shipment of vaccines with the temperature logger's readings (°C, every 4 hours). */
export type Shipment = {
  id: string
  purchaseOrder: number
  carrier: 'NordFreight' | 'ColdLine'
  readings: string[]
}

export const shipments: Shipment[] = [
  {
    id: 'SHP-2041',
    purchaseOrder: 70001,
    carrier: 'ColdLine',
    readings: ['4.1', '3.8', '2.9', '3.3', '5.0', '6.2', '7.4', '6.8', '5.5', '4.4', '3.9', '4.0'],
  },
  {
    id: 'SHP-2042',
    purchaseOrder: 70002,
    carrier: 'NordFreight',
    readings: ['5.2', '5.6', '6.1', '5.9', '4.8', '4.2', '3.5', '2.4', '2.1', '3.0', '4.6', '5.1'],
  },
  {
    // The reefer failed for a few hours: the cold chain broke.
    id: 'SHP-2043',
    purchaseOrder: 70003,
    carrier: 'NordFreight',
    readings: ['4.4', '4.9', '6.3', '8.7', '9.6', '8.1', '6.0', '4.9', '4.5', '4.2', '4.0', '4.1'],
  },
]

/** Lowest and highest reading, exactly (readings have at most 2 decimals). */
export function extremes(readings: readonly string[]): { lowest: string; peak: string } {
  const sorted = [...readings].sort((a, b) => Math.round(Number(a) * 100) - Math.round(Number(b) * 100))
  return { lowest: sorted[0]!, peak: sorted.at(-1)! }
}
