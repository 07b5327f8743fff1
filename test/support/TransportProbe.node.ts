import { testNodeDescription } from '../harness/testNode';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { mayHaveReachedSmsc, smscRequest } from '../../nodes/shared/transport/request';
import type { SmscScript } from '../../nodes/shared/transport/types';
import { itemError, nameItem } from '../../nodes/Smsc/actions/itemErrors';

/** Test-only node: calls the transport with any script and parameters, so its edge cases can be
 * driven through n8n's real engine without going through a particular operation. */
export class TransportProbe implements INodeType {
	description = testNodeDescription({
		displayName: 'Transport Probe',
		name: 'transportProbe',
		description: 'Calls the SMSC transport directly',
		credentials: [{ name: 'smscApi', required: true }],
		properties: [
			{ displayName: 'Script', name: 'script', type: 'string', default: 'balance' },
			{ displayName: 'Params', name: 'params', type: 'json', default: '{}' },
			{ displayName: 'Read Only', name: 'readOnly', type: 'boolean', default: false },
			{ displayName: 'List', name: 'list', type: 'boolean', default: false },
			{ displayName: 'Timeout', name: 'timeoutMs', type: 'number', default: 0 },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			try {
				const raw = this.getNodeParameter('params', i);
				const params = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject;
				const timeoutMs = this.getNodeParameter('timeoutMs', i) as number;
				const answer = await smscRequest.call(
					this,
					this.getNodeParameter('script', i) as SmscScript,
					params,
					{
						readOnly: this.getNodeParameter('readOnly', i) as boolean,
						list: this.getNodeParameter('list', i) as boolean,
						itemIndex: i,
						...(timeoutMs ? { timeoutMs } : {}),
					},
				);
				out.push({ json: { answer } as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				const named = nameItem(this, error, i);
				if (!this.continueOnFail()) throw named;
				out.push({
					json: { ...itemError(named, i), maybeSent: mayHaveReachedSmsc(error) },
					pairedItem: { item: i },
				});
			}
		}
		return [out];
	}
}
