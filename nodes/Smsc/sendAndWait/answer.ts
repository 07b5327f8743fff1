import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	ANSWER_FIELD,
	APPROVE,
	DECLINE,
	PAGE_SECURITY_POLICY,
	TEXT_FIELD,
	questionPage,
	recordedPage,
} from './page';
import type { Question } from './page';
import { cleanPhone, splitList } from '../../shared/smsc/phones';
import { questionMessageId } from './messageId';
import { questionForPage } from './question';

/** Longest free-text answer kept; a page posting more is refused rather than cut. */
const MAX_TEXT_LENGTH = 10_000;

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

function pageHeaders(res: Response): void {
	res.setHeader('Content-Security-Policy', PAGE_SECURITY_POLICY);
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('X-Content-Type-Options', 'nosniff');
}

function show(res: Response, status: number, html: string): IWebhookResponseData {
	pageHeaders(res);
	res.status(status);
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.end(html);
	return { noWebhookResponse: true };
}

/** The answer in the built-in nodes' shape, or a reason to show the page again. */
function readAnswer(question: Question, body: IDataObject): IDataObject | string {
	if (question.responseType === 'freeText') {
		const text = String(body[TEXT_FIELD] ?? '').trim();
		if (text === '') return 'Please type an answer before sending.';
		if (text.length > MAX_TEXT_LENGTH)
			return `The answer is too long; please keep it under ${MAX_TEXT_LENGTH} characters.`;
		return { text };
	}
	const answer = body[ANSWER_FIELD];
	if (answer === APPROVE) return { approved: true };
	if (answer === DECLINE && question.approvalType === 'double') return { approved: false };
	return 'Please choose one of the buttons.';
}

/** The number asked, as the send had it, when To still resolves to exactly one number. */
function askedPhone(context: IWebhookFunctions): string | undefined {
	try {
		const phones = splitList(context.getNodeParameter('to', ''));
		return phones.length === 1 ? cleanPhone(phones[0]) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The waiting-webhook of Send and Wait for Response. n8n calls it only for a waiting execution
 * and only after it has checked the link's signature. A GET (the person opening the link, or a
 * messenger fetching a preview) shows the page and changes nothing; only a POST from the page's
 * form resumes the execution. Once the execution has gone on, n8n itself answers any further
 * request with its "no action required" page, so a second answer changes nothing.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const req = this.getRequestObject();
	const res = this.getResponseObject();
	const question = questionForPage.call(this);
	if (req.method !== 'POST') return show(res, 200, questionPage(question));

	const answer = readAnswer(question, (this.getBodyData() ?? {}) as IDataObject);
	if (typeof answer === 'string') return show(res, 400, questionPage(question, answer));

	pageHeaders(res);
	const json: IDataObject = { data: answer, respondedAt: new Date().toISOString() };
	json.messageId = questionMessageId(this.getExecutionId(), this.getNode().id);
	const phone = askedPhone(this);
	if (phone !== undefined) json.phone = phone;
	return {
		webhookResponse: recordedPage(),
		workflowData: [[{ json, pairedItem: { item: 0 } }]],
	};
}
