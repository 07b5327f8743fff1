import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { emptyField } from '../../shared/smsc/rules';
import { COMMENT_SEPARATOR } from '../../shared/smsc/sms';
import type { Question } from './page';
import { refuseQuestion } from './refuse';

/** The question as the node reads it from the first input item (one question per execution). */
export function readQuestion(this: IExecuteFunctions): Question {
	const message = String(this.getNodeParameter('message', 0, '') ?? '').trim();
	if (message === '')
		refuseQuestion(this, emptyField('Message', 'Write the question the person answers.'));
	// SMSC takes what follows this line as a comment for the sender's own records (SMPP page
	// "Отправка сообщения"), so the link after the question would never reach the person.
	if (message.includes(COMMENT_SEPARATOR.trimEnd()))
		refuseQuestion(
			this,
			'The Message holds a line "~~~", which SMSC reads as the start of a comment, so the link would not be sent.',
			'Remove the "~~~" line from the question.',
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
 * The question for the page, from the parameters again. n8n calls the webhook without the waiting
 * run's output (it drops that run before), but expressions still resolve against the saved run
 * data of the nodes before this one, so `{{ $json.orderId }}` gives what the SMS said.
 */
export function questionForPage(this: IWebhookFunctions): Question {
	const parameter = (name: string, fallback: unknown): unknown => {
		try {
			return this.getNodeParameter(name, fallback);
		} catch {
			return fallback;
		}
	};
	const approval = parameter('approvalOptions.values', {}) as IDataObject;
	return {
		message: String(parameter('message', '') ?? '').trim(),
		responseType: parameter('responseType', 'approval') === 'freeText' ? 'freeText' : 'approval',
		approvalType: approval.approvalType === 'double' ? 'double' : 'single',
		approveLabel: label(approval.approveLabel, 'Approve'),
		declineLabel: label(approval.disapproveLabel, 'Decline'),
	};
}
