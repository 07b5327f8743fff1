import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { resourceProperties, resourceProperty } from './actions/resources';
import { router } from './actions/router';
import { actionSubtitle } from '../shared/editor/subtitle';
import { loadOptions, listSearch } from './methods';
import { sendAndWaitWebhook } from './sendAndWait/answer';

export class Smsc implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMSC',
		name: 'smsc',
		icon: { light: 'file:../../icons/smsc.svg', dark: 'file:../../icons/smsc.dark.svg' },
		group: ['transform'],
		// Version 2 changed some outputs (actions/version.ts); version 1 runs as it did.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: actionSubtitle(resourceProperties),
		description:
			'Send SMS, Viber, Telegram, voice and e-mail messages and manage contacts with SMSC',
		defaults: { name: 'SMSC' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smscApi', required: true }],
		// The answer page of Message > Send and Wait for Response. n8n serves these only for a
		// waiting execution, at /webhook-waiting/<execution>/<node id>, because of restartWebhook.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				responseData: '',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			},
		],
		properties: [resourceProperty, ...resourceProperties],
	};

	methods = { loadOptions, listSearch };

	/**
	 * Nothing to register, check or remove: the webhooks above are waiting webhooks, which n8n
	 * creates with the waiting execution and forgets when it ends; no SMSC setting points at them
	 * (the link travels inside the SMS). n8n never calls these for restartWebhook webhooks; they
	 * are here so that the lifecycle is stated rather than missing.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
