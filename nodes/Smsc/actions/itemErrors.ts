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

/**
 * Refuses one item's input with a NodeOperationError that names the item: for readers that check
 * several things before any request is made.
 */
export function refuseItem(
	context: IExecuteFunctions,
	itemIndex: number,
): (message: string) => never {
	return (message) => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex });
	};
}

/**
 * A required text field, trimmed. The editor's `required` does not stop an expression that gives an
 * empty value, so the run refuses it with `empty` before any request.
 */
export function requiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	empty: string,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') refuseItem(context, itemIndex)(empty);
	return value;
}
