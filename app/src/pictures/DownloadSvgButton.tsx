import { useState } from 'react';

interface DownloadSvgButtonProps {
  /** The drawn picture, or null while it is still loading. */
  svg: () => SVGSVGElement | null;
  fileName: string;
  /** What the picture is, for the button's accessible name beyond "Download SVG". */
  description: string;
  /** Lines the file carries above the picture: what it shows, for a reader of the file alone. */
  heading?: () => readonly string[] | Promise<readonly string[]>;
}

/**
 * "Download SVG": the picture as a file a docs author can paste into a page. The exporter is
 * loaded on the first press, so it costs nothing until someone wants it.
 */
export function DownloadSvgButton({ svg, fileName, description, heading }: DownloadSvgButtonProps) {
  const [problem, setProblem] = useState<string>();

  async function download() {
    const element = svg();
    if (!element) {
      setProblem('The picture is still loading; try again in a moment.');
      return;
    }
    try {
      const { downloadSvg } = await import('./export/svg-export.ts');
      downloadSvg(element, fileName, (await heading?.()) ?? []);
      setProblem(undefined);
    } catch (error) {
      setProblem(
        `The SVG could not be saved (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }

  return (
    <span className="picture-download">
      <button type="button" onClick={() => void download()} aria-description={description}>
        Download SVG
      </button>
      <span role="status" className="picture-download-status">
        {problem}
      </span>
    </span>
  );
}
