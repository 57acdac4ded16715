import { regexPattern, ValuePattern } from './value-pattern';

/**
 * Vendor key formats recognised by their documented prefixes, after gitleaks' default rules.
 * Each alternative starts with a literal prefix and has a bounded body, so the scan stays
 * linear; the prefixes are specific enough that prose and ids do not match.
 */
const VENDOR_KEY = new RegExp(
  [
    // OpenAI (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-) and Anthropic (sk-ant-api03-).
    String.raw`\bsk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,300}`,
    // Stripe webhook secrets (live/test keys are in credential-patterns).
    String.raw`\bwhsec_[A-Za-z0-9+/=]{20,100}`,
    // GitLab personal, deploy, runner, trigger, CI job, feed and agent tokens.
    String.raw`\bgl(?:pat|dt|rt|ptt|cbt|ft|imt|soat|agent)-[\w-]{20,100}`,
    // Slack app-level tokens (xox* tokens are in credential-patterns).
    String.raw`\bxapp-\d-[A-Za-z0-9-]{10,250}`,
    // Google OAuth client secrets and access tokens.
    String.raw`\bGOCSPX-[\w-]{20,40}`, String.raw`\bya29\.[\w-]{20,500}`,
    // SendGrid, Twilio API key SIDs, npm, PyPI, Hugging Face, Linear, Postman, Doppler.
    String.raw`\bSG\.[\w-]{20,24}\.[\w-]{40,46}`, String.raw`\bSK[0-9a-fA-F]{32}\b`,
    String.raw`\bnpm_[A-Za-z0-9]{36}\b`, String.raw`\bpypi-AgEIcHlwaS5vcmc[\w-]{50,300}`,
    String.raw`\bhf_[A-Za-z0-9]{30,40}\b`, String.raw`\blin_api_[A-Za-z0-9]{40}\b`,
    String.raw`\bPMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}\b`, String.raw`\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}`,
    // Shopify, DigitalOcean, Databricks, HashiCorp Vault, Sentry, Atlassian, age, Alibaba.
    String.raw`\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b`, String.raw`\bdo[opr]_v1_[a-f0-9]{64}\b`,
    String.raw`\bdapi[a-f0-9]{32}(?:-\d)?\b`, String.raw`\bhv[sb]\.[\w-]{24,200}`,
    String.raw`\bsntry[su]_[A-Za-z0-9+/=_]{40,200}`, String.raw`\bATATT3[\w=-]{100,250}`,
    String.raw`\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b`, String.raw`\bLTAI[A-Za-z0-9]{20}\b`,
    // Mailchimp (32 hex + datacenter), Telegram bot tokens.
    String.raw`\b[0-9a-f]{32}-us\d{1,2}\b`, String.raw`\b\d{8,10}:AA[\w-]{33}\b`,
  ].join('|'),
  'g',
);

/** One cheap scan for any of the prefixes above; most strings stop here. */
export const VENDOR_KEY_TRIGGER =
  /sk-|whsec_|gl(?:pat|dt|rt|ptt|cbt|ft|imt|soat|agent)-|xapp-|GOCSPX-|ya29\.|SG\.|SK[0-9a-fA-F]|npm_|pypi-|hf_|lin_api_|PMAK-|dp\.|shp|do[opr]_|dapi|hv[sb]\.|sntry|ATATT3|AGE-SECRET|LTAI|-us\d|:AA/;

/** Vendor API keys and tokens, wherever they appear. */
export function createVendorKeyPattern(replacement: string): ValuePattern {
  return regexPattern('vendor-key', (text) => VENDOR_KEY_TRIGGER.test(text), VENDOR_KEY, () => replacement);
}
