import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The link to the answer page: n8n's waiting-webhook address of this execution and node, signed
 * with the instance's secret. n8n checks the signature itself, before the node sees the request,
 * because the operation's value is `sendAndWait`; n8n 1.x and 2.8 check it only when the execution
 * asked for it, n8n 2.41 always (and no longer has the method to ask).
 */
export function signedLink(context: IExecuteFunctions): string {
	const ask = (context as Partial<Pick<IExecuteFunctions, 'setSignatureValidationRequired'>>)
		.setSignatureValidationRequired;
	if (typeof ask === 'function') ask.call(context);
	return context.getSignedResumeUrl();
}

/**
 * What of the link no error may show: its signature, which alone lets anyone answer in the
 * person's name. A link without a `signature` parameter is hidden whole.
 */
export function linkSecret(link: string): string {
	try {
		return new URL(link).searchParams.get('signature') || link;
	} catch {
		return link;
	}
}

/** The SMS: the question, then the link on a line of its own so phones make it tappable. */
export function smsText(question: string, link: string): string {
	return `${question}\n${link}`;
}
