import { badInputCampaign } from './badInput/campaign.js'
import { conservationCampaign } from './conservation/conservationCampaign.js'
import { crashCampaign } from './crash/crashCampaign.js'
import { rpcFaultCampaign } from './rpcFaults/rpcFaultCampaign.js'
import type { CampaignOptions, CampaignReport } from './types.js'

export type Campaign = { name: string; run: (options: CampaignOptions) => Promise<CampaignReport> }

/**
 * Every reliability campaign, in the order the soak runs them. Each module under `src/<campaign>/`
 * exports one `Campaign`; add it here.
 */
export const campaigns: Campaign[] = [conservationCampaign, crashCampaign, rpcFaultCampaign, badInputCampaign]
