import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** The SMSC scripts under /sys/ that this package calls. */
export type SmscScript =
	'send' | 'status' | 'balance' | 'phones' | 'mails' | 'senders' | 'wait_call' | 'get';

/** Every n8n context that may talk to SMSC. */
export type SmscContext =
	IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export const SMSC_CREDENTIAL = 'smscApi';
