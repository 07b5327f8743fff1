import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SmscScript } from './types';

/** SMSC's error number carried by a transport error, if the failure was an SMSC answer. */
export function smscErrorCode(error: unknown): number | undefined {
	const response = (error as { errorResponse?: IDataObject })?.errorResponse;
	const code = Number(response?.smscErrorCode);
	return response?.smscErrorCode !== undefined && Number.isFinite(code) ? code : undefined;
}

/**
 * SMSC's error texts are generic ("records not found", "operation error"); in the context of one
 * operation the node knows what they mean, so it says so, per error code, and keeps SMSC's code.
 * Codes without a text, and failures that are not SMSC answers, pass through unchanged.
 */
export function explainSmscError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	script: SmscScript,
	texts: Partial<Record<number, string>>,
): never {
	const code = smscErrorCode(error);
	const text = code !== undefined ? texts[code] : undefined;
	if (code === undefined || text === undefined) throw error;
	const response = (error as { errorResponse?: IDataObject }).errorResponse;
	throw new NodeApiError(
		this.getNode(),
		{ script, smscErrorCode: code, smscError: String(response?.smscError ?? '') },
		{ message: `${text} (SMSC error ${code}).`, itemIndex, httpCode: code === 3 ? '404' : '400' },
	);
}
