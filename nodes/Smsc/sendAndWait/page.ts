/**
 * The pages a person sees after opening the link from the SMS. Plain HTML with inline style only:
 * no scripts, no fonts, no images from elsewhere, so the page opens on any phone and leaks nothing.
 * Everything echoed from the workflow is escaped.
 */

/** What the page asks, as it was sent (see question.ts). */
export interface Question {
	message: string;
	responseType: 'approval' | 'freeText';
	approvalType: 'single' | 'double';
	approveLabel: string;
	declineLabel: string;
}

/** The form fields the page posts back. */
export const ANSWER_FIELD = 'answer';
export const TEXT_FIELD = 'text';
export const APPROVE = 'approve';
export const DECLINE = 'decline';

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** No outside resource of any kind; the form may only post back to this page's own origin. */
export const PAGE_SECURITY_POLICY =
	"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `body{margin:0;font:17px/1.45 -apple-system,system-ui,sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:32rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
p.q{white-space:pre-wrap;word-wrap:break-word;margin:0 0 1.25rem}
button{display:block;width:100%;font:inherit;font-weight:600;padding:.85rem;margin:.6rem 0 0;border-radius:8px;border:1px solid #18181b;background:#18181b;color:#fff}
button.secondary{background:#fff;color:#18181b}
textarea{box-sizing:border-box;width:100%;min-height:7rem;font:inherit;padding:.6rem;border-radius:8px;border:1px solid #a1a1aa}
.error{color:#b91c1c}`;

function layout(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main><div class="card">${body}</div></main></body>
</html>`;
}

/**
 * The question with its buttons or text box. Opening it records nothing: only the form's POST
 * does, so a link preview (which only GETs) can never answer for the person. The form posts to
 * the page's own address, which carries n8n's signature.
 */
export function questionPage(question: Question, error?: string): string {
	const buttons =
		question.responseType === 'freeText'
			? `<textarea name="${TEXT_FIELD}" required aria-label="Your answer"></textarea>
<button type="submit">Send</button>`
			: `<button type="submit" name="${ANSWER_FIELD}" value="${APPROVE}">${escapeHtml(question.approveLabel)}</button>` +
				(question.approvalType === 'double'
					? `\n<button type="submit" class="secondary" name="${ANSWER_FIELD}" value="${DECLINE}">${escapeHtml(question.declineLabel)}</button>`
					: '');
	return layout(
		'Your answer',
		`<p class="q">${escapeHtml(question.message)}</p>
${error ? `<p class="error">${escapeHtml(error)}</p>\n` : ''}<form method="post">
${buttons}
</form>`,
	);
}

export function recordedPage(): string {
	return layout(
		'Answer recorded',
		'<p><strong>Thank you, your answer has been recorded.</strong></p><p>You can close this page.</p>',
	);
}
