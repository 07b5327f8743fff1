import type { ExecutionError, IDataObject } from 'n8n-workflow';

/**
 * The execution's error as a real `Error`. n8n-core stores it on the run as a plain copy
 * (`{ ...error, message, stack }`), so the original class is gone; its fields are kept here.
 */
export class HarnessExecutionError extends Error {
	/** Name of the node that failed (undefined if the workflow could not start at all). */
	readonly nodeName?: string;
	/** n8n error class name: `NodeApiError`, `NodeOperationError`, ... */
	readonly errorName?: string;
	readonly description?: string | null;
	readonly httpCode?: string | null;
	readonly context?: IDataObject;
	/** The error object exactly as n8n stored it in `resultData.error`. */
	readonly original: ExecutionError | Error;

	constructor(original: ExecutionError | Error, nodeName?: string) {
		super(original.message);
		this.name = 'HarnessExecutionError';
		this.original = original;
		const o = original as unknown as IDataObject;
		this.nodeName = nodeName ?? ((o.node as IDataObject | undefined)?.name as string | undefined);
		this.errorName = (o.name as string | undefined) ?? original.constructor?.name;
		this.description = o.description as string | null | undefined;
		this.httpCode = o.httpCode as string | null | undefined;
		this.context = o.context as IDataObject | undefined;
		if (original.stack) this.stack = original.stack;
		if (o.cause !== undefined) (this as { cause?: unknown }).cause = o.cause;
	}
}
