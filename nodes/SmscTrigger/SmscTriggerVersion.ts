import { createHash } from 'crypto';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { matchesFilters, normaliseCallback } from '../shared/triggers/normalise';
import type { CallbackFields, CallbackFilters } from '../shared/triggers/normalise';
import { MalformedCallbackError } from './bodies';
import { decodeCallback, handlerParams, tokenMatches } from './callback';
import type { CharsetChoice } from './callback';
import { MIN_TOKEN_LENGTH, TOKEN_CHARACTERS, triggerProperties } from './description';
import { describeEvent } from '../shared/triggers/event';
import { readCallbackRequest } from './request';

/** Only a hash of the token is kept in static data, so the workflow export does not carry it twice. */
function fingerprint(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 16);
}

interface PlainResponse {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/**
 * One version set of the SMSC Trigger (SmscTrigger.node.ts): versions 1 and 2 with the static
 * webhook path `smsc`, version 3 with the token in the path. Only the description differs.
 */
export class SmscTriggerVersion implements INodeType {
	description: INodeTypeDescription;

	constructor(base: INodeTypeBaseDescription, versions: number[], webhookPath: string) {
		this.description = {
			...base,
			version: versions,
			defaults: { name: 'SMSC Trigger' },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: webhookPath },
				{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: webhookPath },
			],
			properties: triggerProperties,
		};
	}

	webhookMethods = {
		default: {
			// SMSC has no API to set the main account's handler URL: "registering" means checking and recording the token.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				const token = this.getNodeParameter('token', '') as string;
				return data.tokenFingerprint === fingerprint(token) && data.webhookUrl === urlToStore(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const token = this.getNodeParameter('token', '') as string;
				if (token.length < MIN_TOKEN_LENGTH || !TOKEN_CHARACTERS.test(token)) {
					throw new NodeOperationError(
						this.getNode(),
						`The Secret Token must be at least ${MIN_TOKEN_LENGTH} characters of letters, digits, ".", "_", "~" or "-"`,
						{
							description:
								this.getNode().typeVersion >= 3
									? 'Make up a random string and put it in Secret Token. Then copy the Production URL from Webhook URLs and paste it into SMSC > Settings > Handler URL.'
									: 'Make up a random string, put it in Secret Token, and paste the Handler URL the panel shows (with your n8n address for YOUR_N8N_URL) into SMSC > Settings > Handler URL.',
						},
					);
				}
				const data = this.getWorkflowStaticData('node');
				data.tokenFingerprint = fingerprint(token);
				data.webhookUrl = urlToStore(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				delete data.tokenFingerprint;
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as unknown as PlainResponse;
		const answer = (status: number, text: string): IWebhookResponseData => {
			if (!response.headersSent) {
				response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
				response.end(text);
			}
			return { noWebhookResponse: true };
		};

		let request: Awaited<ReturnType<typeof readCallbackRequest>>;
		try {
			request = await readCallbackRequest.call(this);
		} catch {
			return answer(400, 'Bad Request: the request body could not be read');
		}
		const expected = this.getNodeParameter('token', '') as string;
		const query = (this.getQueryData() ?? {}) as IDataObject;
		const v3 = this.getNode().typeVersion >= 3;
		// n8n routes a call here only when its path ends with the token (version 3); checked again
		// so that the node, not only the routing, refuses a call without it.
		const received = v3
			? tokenFromPath(request.raw.url)
			: (handlerParams(request.raw.url).token ?? query.token);
		if (!tokenMatches(expected, received)) return answer(401, 'Unauthorized');

		const options = this.getNodeParameter('options', {}) as { charset?: CharsetChoice };
		let callbacks: CallbackFields[];
		try {
			callbacks = (
				request.parsedFallback !== undefined && request.raw.body === undefined
					? [request.parsedFallback]
					: decodeCallback(request.raw, options.charset ?? 'auto').callbacks
			).map(withoutToken);
		} catch (error) {
			const reason =
				error instanceof MalformedCallbackError ? error.message : 'the body could not be decoded';
			return answer(400, `Bad Request: ${reason}`);
		}

		const events = this.getNodeParameter('events', []) as string[];
		const filters = this.getNodeParameter('filters', {}) as CallbackFilters;
		const items = callbacks
			.map(v3 ? describeEvent : normaliseCallback)
			.filter((item) => matchesFilters(item, events, filters));
		if (items.length === 0) return answer(200, 'OK');
		// n8n gives this answer once it has recorded the execution, as for its own Webhook node: SMSC
		// waits for it, so callbacks cannot outrun the saving of their executions, and a callback
		// n8n could not record is not acknowledged.
		return { webhookResponse: 'OK', workflowData: [this.helpers.returnJsonArray(items)] };
	}
}

/**
 * The webhook URL as recorded in static data. From version 3 the URL ends with the token: its last
 * segment is left out, so static data (exported with the workflow) never holds the token.
 */
function urlToStore(context: IHookFunctions): string | undefined {
	const url = context.getNodeWebhookUrl('default');
	if (url === undefined || context.getNode().typeVersion < 3) return url;
	return url.slice(0, url.lastIndexOf('/'));
}

/** The last segment of the request's path (version 3 puts the token there), percent-decoded. */
function tokenFromPath(url: string): string | undefined {
	const path = url.split(/[?#]/)[0];
	const segment = path.slice(path.lastIndexOf('/') + 1);
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

/** A token sent in the body as well never reaches the output. */
function withoutToken(fields: CallbackFields): CallbackFields {
	const rest = { ...fields };
	delete rest.token;
	return rest;
}
