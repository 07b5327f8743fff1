import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { FailedEntry, errorItem, nameItem } from './itemErrors';
import { resources } from './resources';
import { RunState } from './runState';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resourceName]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resourceName}" is not supported`,
		);
	}
	if (operation.executeAll) return [await operation.executeAll.call(this, items)];

	const run = new RunState();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute!.call(this, itemIndex, run);
			for (const entry of Array.isArray(result) ? result : [result]) {
				output.push(
					entry instanceof FailedEntry
						? errorItem(this, entry.error, itemIndex, entry.json)
						: { json: entry, pairedItem: { item: itemIndex } },
				);
			}
		} catch (error) {
			const named = nameItem(this, error, itemIndex);
			if (!this.continueOnFail()) throw named;
			output.push(errorItem(this, named, itemIndex));
		}
	}
	return [output];
}
