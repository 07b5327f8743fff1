import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** Makes sure the error tells which input item failed, whatever layer threw it. */
export function nameItem(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const err =
		error instanceof Error
			? error
			: new NodeOperationError(context.getNode(), String(error), { itemIndex });
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
