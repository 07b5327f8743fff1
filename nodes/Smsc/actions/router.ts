import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resourceName = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resourceName]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resourceName}" is not supported`);
	}
	if (operation.executeAll) return [await operation.executeAll.call(this, items)];

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await operation.execute!.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const named = nameItem(this, error, itemIndex);
			if (!this.continueOnFail()) throw named;
			output.push({ json: itemError(named, itemIndex), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/** Makes sure the error tells which input item failed, whatever layer threw it. */
export function nameItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const err =
		error instanceof Error ? error : new NodeOperationError(context.getNode(), String(error), { itemIndex });
	const withContext = err as Error & { context?: IDataObject };
	withContext.context = { ...(withContext.context ?? {}), itemIndex };
	if (!/\bitem \d+\b/.test(err.message)) err.message = `${err.message} [item ${itemIndex}]`;
	return err;
}

/** The output item continueOnFail gives for a failed input item. */
export function itemError(error: Error, itemIndex: number): IDataObject {
	const details = error as Error & { description?: string; errorResponse?: IDataObject };
	return {
		error: error.message,
		...(details.description ? { errorDetails: details.description } : {}),
		itemIndex,
	};
}
