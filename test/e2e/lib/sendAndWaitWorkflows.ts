import type { CredentialRef, Workflow } from './workflows';
import { postWebhookTrigger } from './triggerWorkflows';
import { buildWorkflow } from './workflows';

/**
 * `Webhook (POST /webhook/<path>) → Ask (SMSC, Send and Wait for Response) → After (No Op)`.
 * The question's phone, text, response type and approval type come from the request body, so one
 * published workflow serves every case; `limitMinutes` adds Limit Wait Time.
 */
export function sendAndWaitWorkflow(opts: {
	name: string;
	path: string;
	credential: CredentialRef;
	limitMinutes?: number;
}): { workflow: Workflow; url(baseUrl: string): string; askNodeId: string } {
	const workflow = buildWorkflow({
		name: opts.name,
		credential: opts.credential,
		trigger: postWebhookTrigger(opts.name, opts.path),
		steps: [
			{
				name: 'Ask',
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					to: '={{ $json.body.phone }}',
					message: '={{ $json.body.question }}',
					responseType: '={{ $json.body.type }}',
					approvalOptions: {
						values: {
							approvalType: '={{ $json.body.approval }}',
							approveLabel: 'Yes',
							disapproveLabel: 'No',
						},
					},
					options: opts.limitMinutes
						? {
								limitWaitTime: {
									values: {
										limitType: 'afterTimeInterval',
										resumeAmount: opts.limitMinutes,
										resumeUnit: 'minutes',
									},
								},
							}
						: {},
				},
			},
			{
				name: 'After',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				noCredential: true,
				after: 'Ask',
				parameters: {},
			},
		],
	});
	const askNodeId = workflow.nodes.find((node) => node.name === 'Ask')!.id;
	return { workflow, url: (baseUrl) => `${baseUrl}/webhook/${opts.path}`, askNodeId };
}
