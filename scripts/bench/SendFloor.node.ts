/**
 * The benchmark's fair floor for the batched send: the SMSC node itself (same description, same
 * parameters, same expressions) with the sending taken out. It reads exactly what an SMS Send to
 * phone numbers reads, through the same ItemParameters cache, and passes its items through, so the
 * difference between (c) and this floor is what the Send costs beyond n8n's expression evaluation.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemParameters } from '../../nodes/Smsc/send/itemParameters';

// Written out with its extension: under tsx, `Smsc.node` would resolve to the codex file Smsc.node.json.
const { Smsc } =
	require('../../nodes/Smsc/Smsc.node.ts') as typeof import('../../nodes/Smsc/Smsc.node');

export const SEND_FLOOR_NODE = 'bench.sendFloor';

/**
 * What the router and prepareMessage (nodes/Smsc/send/prepare.ts) read for an SMS to
 * phone numbers, in their order, with their fallbacks. Keep in step with prepare.ts.
 */
const SEND_READS: Array<[name: string, fallback: unknown]> = [
	['channel', 'sms'],
	['options', {}],
	['recipientType', 'phones'],
	['phones', ''],
	['message', ''],
	['bulkOptions', {}],
];

export class SendFloor extends Smsc {
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		// the router's two reads
		this.getNodeParameter('resource', 0);
		this.getNodeParameter('operation', 0);
		const parameters = new ItemParameters(this);
		let length = 0;
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			for (const [name, fallback] of SEND_READS)
				length += String(parameters.get(name, itemIndex, fallback)).length;
		}
		// the send reads Bulk Options once more for its batching settings
		parameters.get('bulkOptions', 0, {});
		if (length === 0 && items.length > 0) throw new Error('the floor read nothing');
		return [items];
	}
}
