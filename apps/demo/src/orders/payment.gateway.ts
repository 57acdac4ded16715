import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';

/** What the gateway needs to charge; card data never goes further than the tokenizer. */
export interface Charge {
  orderId: number;
  amountCents: number;
  cardToken: string;
}

/**
 * Client of "FakePay", a payment provider that is down: it calls a port where
 * nothing listens (PAYMENT_PROVIDER_URL), so the trace shows the failed outgoing
 * request, and answers 503 like a real client of a failing upstream would.
 */
@Injectable()
export class PaymentGateway {
  readonly provider = 'fakepay';
  private readonly logger = new Logger(PaymentGateway.name);
  // Port 59: nothing listens there, and fetch does not refuse it outright (it does port 9, for example).
  private readonly url = process.env.PAYMENT_PROVIDER_URL || 'http://127.0.0.1:59/v1/charges';

  async charge(charge: Charge): Promise<never> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: charge.amountCents, currency: 'usd', source: charge.cardToken }),
        signal: AbortSignal.timeout(2000),
      });
      throw new Error(`FakePay answered ${response.status}`);
    } catch (error) {
      // The upstream detail goes to a breadcrumb (via SentryLogger), not into `cause`: Spotlight
      // lists an event under its innermost cause, which would hide that this is the 503.
      this.logger.warn(`FakePay unreachable: ${describe(error)}`);
      throw new ServiceUnavailableException('Payment provider unavailable, try again later');
    }
  }

  /** Stands in for the provider's client-side tokenizer: the card number stays here. */
  tokenize(cardNumber: string): string {
    return `tok_${cardNumber.replace(/\D/g, '').slice(-4)}_${Date.now().toString(36)}`;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
