// Prints the Standard Webhooks secret that external schedulers must sign inbound job calls with
// (INBOUND_WEBHOOK_SECRET, or the value derived from APP_SECRET when it is not set).
import { loadConfig } from '../src/server/config.js';

console.log(loadConfig().inboundWebhookSecret);
