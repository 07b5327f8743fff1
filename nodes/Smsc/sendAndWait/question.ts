import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { Question } from './page';

/** The question as the node reads it from the first input item (one question per execution). */
export function readQuestion(this: IExecuteFunctions): Question {
	const message = String(this.getNodeParameter('message', 0, '') ?? '').trim();
	if (message === '')
		throw new NodeOperationError(
			this.getNode(),
			'The Message is empty. Write the question the person answers.',
			{ itemIndex: 0 },
		);
	const responseType =
		this.getNodeParameter('responseType', 0, 'approval') === 'freeText' ? 'freeText' : 'approval';
	const approval = this.getNodeParameter('approvalOptions.values', 0, {}) as IDataObject;
	return {
		message,
		responseType,
		approvalType: approval.approvalType === 'double' ? 'double' : 'single',
		approveLabel: label(approval.approveLabel, 'Approve'),
		declineLabel: label(approval.disapproveLabel, 'Decline'),
	};
}

function label(value: unknown, fallback: string): string {
	const text = String(value ?? '').trim();
	return text === '' ? fallback : text;
}

/**
 * What the waiting node put out when it sent the SMS (the question as sent, SMSC's message id).
 * The page is built from it, not from the parameters again: an expression such as
 * `{{ $json.orderId }}` has no input item to read from when the link is opened.
 */
export function sentQuestion(this: IWebhookFunctions): IDataObject {
	try {
		const sent = this.evaluateExpression(
			`{{ $(${JSON.stringify(this.getNode().name)}).last().json }}`,
		);
		if (sent && typeof sent === 'object' && !Array.isArray(sent)) return sent as IDataObject;
	} catch {
		// an execution saved without its run data; the page then falls back to the parameters
	}
	return {};
}

/** The question for the page: as sent, or else as the parameters give it without an input item. */
export function questionForPage(this: IWebhookFunctions, sent: IDataObject): Question {
	const parameter = (name: string, fallback: unknown): unknown => {
		try {
			return this.getNodeParameter(name, fallback);
		} catch {
			return fallback;
		}
	};
	const approval = parameter('approvalOptions.values', {}) as IDataObject;
	const pick = (key: string, value: unknown): string => String(sent[key] ?? value ?? '');
	return {
		message: pick('question', parameter('message', '')),
		responseType:
			pick('responseType', parameter('responseType', 'approval')) === 'freeText'
				? 'freeText'
				: 'approval',
		approvalType: pick('approvalType', approval.approvalType) === 'double' ? 'double' : 'single',
		approveLabel: label(sent.approveLabel ?? approval.approveLabel, 'Approve'),
		declineLabel: label(sent.declineLabel ?? approval.disapproveLabel, 'Decline'),
	};
}
