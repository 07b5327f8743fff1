import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

/**
 * Reads node parameters for many items. A parameter with no expression in it has the same value
 * for every item, so it is resolved once: with 100,000 items this saves millions of
 * getNodeParameter calls (each copies and resolves the parameter) without changing any value.
 * Values handed out may be shared between items and must not be modified.
 */
export class ItemParameters {
	private readonly fixed = new Map<string, unknown>();
	private readonly raw: INodeParameters;

	constructor(private readonly context: IExecuteFunctions) {
		this.raw = context.getNode().parameters;
	}

	get<T>(name: string, itemIndex: number, fallback: T): T {
		if (this.fixed.has(name)) return this.fixed.get(name) as T;
		const value = this.context.getNodeParameter(name, itemIndex, fallback as never) as T;
		if (!hasExpression(this.raw[name])) this.fixed.set(name, value);
		return value;
	}
}

function hasExpression(value: NodeParameterValueType | undefined): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value))
		return value.some((entry) => hasExpression(entry as NodeParameterValueType));
	if (value !== null && typeof value === 'object') {
		return Object.values(value).some((entry) => hasExpression(entry as NodeParameterValueType));
	}
	return false;
}
