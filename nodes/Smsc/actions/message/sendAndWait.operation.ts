import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNumber } from '../../../shared/smsc/numbers';
import { parsePhoneList } from '../../../shared/smsc/phones';
import { MAX_MESSAGE_LENGTH, messageLength, senderNameProblem } from '../../../shared/smsc/rules';
import { smscRequest } from '../../../shared/transport/request';
import { sendAndWaitFields } from '../../sendAndWait/fields';
import { linkSecret, signedLink, smsText } from '../../sendAndWait/link';
import { questionMessageId } from '../../sendAndWait/messageId';
import { readQuestion } from '../../sendAndWait/question';
import { refuseQuestion } from '../../sendAndWait/refuse';
import { waitTill } from '../../sendAndWait/waitLimit';
import { refuseRetryOnFail } from '../../send/failure';
import { outputsV2 } from '../version';
import { errorItem, nameItem } from '../itemErrors';
import { defineOperation } from '../operation';

function readSender(context: IExecuteFunctions): string {
	// a resource locator ({mode, value}); a plain string from an expression
	const picked = context.getNodeParameter('options.sender', 0, '') as IDataObject | string;
	const sender = String(
		(typeof picked === 'object' && picked !== null ? picked.value : picked) ?? '',
	).trim();
	const problem = senderNameProblem(sender);
	if (problem) refuseQuestion(context, problem.message, problem.hint);
	return sender;
}

/**
 * Sends one question by SMS and puts the execution to wait for the answer. As in n8n's own
 * Send and Wait for Response operations, one execution asks one question: it is read from the
 * first input item, and the answer (see sendAndWait/answer.ts) becomes the node's single output
 * item. Everything is checked before the SMS goes out, and the send is never repeated.
 */
async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	if (outputsV2(this)) refuseRetryOnFail(this, 'Send and Wait for Response');
	let json: IDataObject;
	try {
		json = await sendQuestion.call(this);
	} catch (error) {
		const named = nameItem(this, error, 0);
		if (!this.continueOnFail()) throw named;
		return [errorItem(this, named, 0)];
	}
	// While the execution waits, this output shows what was sent; the answer replaces it.
	return [{ json, pairedItem: { item: 0 } }];
}

async function sendQuestion(this: IExecuteFunctions): Promise<IDataObject> {
	const phones = parsePhoneList.call(this, this.getNodeParameter('to', 0, ''), 0, 'To');
	if (phones.length > 1)
		refuseQuestion(
			this,
			`To holds ${phones.length} phone numbers; Send and Wait for Response asks one person.`,
			'Ask each person in an execution of their own, e.g. by calling this workflow once per number.',
		);
	const question = readQuestion.call(this);
	const until = waitTill.call(this);
	const sender = readSender(this);
	const shorten = this.getNodeParameter('options.shortenLinks', 0, false) === true;

	const link = signedLink(this);
	const mes = smsText(question.message, link);
	if (!shorten && messageLength(mes) > MAX_MESSAGE_LENGTH)
		refuseQuestion(
			this,
			`The Message is too long: with the answer link the SMS has ${messageLength(mes)} characters, SMSC takes at most ${MAX_MESSAGE_LENGTH}.`,
		);
	const id = questionMessageId(this.getExecutionId(), this.getNode().id);
	const params: IDataObject = { phones: phones[0], mes, id };
	if (sender !== '') params.sender = sender;
	if (shorten) params.tinyurl = 1;
	// a proxy or SMSC may echo the form, and an error quoting it must not hand out the link
	const answer = (await smscRequest.call(this, 'send', params, {
		itemIndex: 0,
		secrets: [linkSecret(link)],
	})) as IDataObject;

	await this.putExecutionToWait(until);
	const out: IDataObject = {
		messageId: answer.id ?? id,
		phone: phones[0],
		question: question.message,
		responseType: question.responseType,
	};
	if (question.responseType === 'approval') {
		out.approvalType = question.approvalType;
		out.approveLabel = question.approveLabel;
		if (question.approvalType === 'double') out.declineLabel = question.declineLabel;
	}
	const parts = toNumber(answer.cnt);
	if (parts !== undefined) out.parts = parts;
	if (until.getTime() < Date.UTC(3000, 0)) out.waitingUntil = until.toISOString();
	return out;
}

export const sendAndWait = defineOperation(
	'message',
	'sendAndWait',
	sendAndWaitFields,
	{ executeAll },
	{
		name: 'Send and Wait for Response',
		description: 'Send an SMS with a link and wait until the person approves or answers',
		action: 'Send message and wait for response',
	},
);
