import { CalderaError } from '@caldera/core'

/** A lane's rolling limit is larger than the USD value of the weaker side's minimum total stake. */
export class LaneLimitAboveStakeError extends CalderaError {
  override name = 'LaneLimitAboveStakeError'
  constructor({
    lane,
    limitUsd,
    stakeUsd,
    weaker,
  }: {
    lane: string
    limitUsd: string
    stakeUsd: string
    weaker: string
  }) {
    super(
      `Lane ${lane}: rolling limit ${limitUsd} USD exceeds the ${stakeUsd} USD minimum total stake of its weaker side (${weaker}).`,
      {
        metaMessages: [
          'A lane may not move more value per window than the stake that secures its weaker domain.',
        ],
        hint: `Lower the lane's rolling limit to at most ${stakeUsd} USD, or raise the weaker domain's stake profile.`,
      },
    )
  }
}

/** A breaker was asked to make a transition its state machine does not allow. */
export class InvalidTransitionError extends CalderaError {
  override name = 'InvalidTransitionError'
  constructor({ domain, from, to, hint }: { domain: string; from: string; to: string; hint: string }) {
    super(`Breaker of domain ${domain} cannot go from ${from} to ${to}.`, { hint })
  }
}

/** A price source has no price for the asked token. */
export class PriceNotFoundError extends CalderaError {
  override name = 'PriceNotFoundError'
  constructor({ token }: { token: string }) {
    super(`No USD price for token ${token}.`, { hint: 'Add the token to the price source.' })
  }
}

/** A line of a transfer-event file could not be read. */
export class EventLineError extends CalderaError {
  override name = 'EventLineError'
  constructor({ file, line, cause }: { file: string; line: number; cause: unknown }) {
    super(`${file}:${line}: not a valid transfer event.`, {
      cause,
      hint: 'Each line must be one JSON object with domain, from, to, token, amount, usd, timestamp.',
    })
  }
}

/** A domain named in a call is not one the component was configured with. */
export class UnknownDomainError extends CalderaError {
  override name = 'UnknownDomainError'
  constructor({ domain, known }: { domain: string; known: readonly string[] }) {
    super(`Unknown domain ${JSON.stringify(domain)}.`, {
      hint: `Use one of: ${known.join(', ') || '(none configured)'}.`,
    })
  }
}

/** The watcher's state file could not be read (its trips must not be silently forgotten). */
export class WatcherStateError extends CalderaError {
  override name = 'WatcherStateError'
}

/** A watched chain answered, but its `channel` is not a Channel the watcher can follow. */
export class WatcherConfigurationError extends CalderaError {
  override name = 'WatcherConfigurationError'
  constructor({ domain, channel, cause }: { domain: string; channel: string; cause: unknown }) {
    super(`Domain ${domain}: ${channel} is not a Channel contract on its chain (reading token() failed).`, {
      cause,
      hint: "Give the address of the domain's deployed Channel (deployChannelNetwork returns it) and a client for the chain it is deployed on.",
    })
  }
}
