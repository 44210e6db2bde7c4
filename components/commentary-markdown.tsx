// Commentary as councillors read it: Markdown limited to paragraphs, bold, italic, lists and links.
// Raw HTML is never rendered (it shows as text) and only http, https and mailto links survive.
import Markdown from "react-markdown";

const ALLOWED = ["p", "strong", "em", "ul", "ol", "li", "a"];

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** Remark plugin: raw HTML becomes plain text, so "<script>" is shown, never parsed or run. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

export function safeUrl(url: string): string {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url : "";
}

export function CommentaryMarkdown({ body }: { body: string }) {
  return (
    <div className="app-commentary">
      <Markdown
        allowedElements={ALLOWED}
        unwrapDisallowed
        remarkPlugins={[htmlAsText]}
        urlTransform={safeUrl}
        components={{
          p: ({ children }) => <p className="govuk-body">{children}</p>,
          // <b>: the pack's PDF would tag <strong> as /Strong, which PDF 1.4 readers drop from the tag tree.
          strong: ({ children }) => <b>{children}</b>,
          ul: ({ children }) => <ul className="govuk-list govuk-list--bullet">{children}</ul>,
          ol: ({ children }) => <ol className="govuk-list govuk-list--number">{children}</ol>,
          a: ({ href, children }) =>
            href ? (
              <a className="govuk-link" href={href} rel="noopener noreferrer nofollow">
                {children}
              </a>
            ) : (
              <span>{children}</span>
            ),
        }}
      >
        {body}
      </Markdown>
    </div>
  );
}
