import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { resourceProperties, resourceProperty } from './actions/resources';
import { router } from './actions/router';
import { actionSubtitle } from '../shared/editor/subtitle';
import { loadOptions, listSearch } from './methods';

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
		properties: [resourceProperty, ...resourceProperties],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
