// Hover-preview data: one small JSON file per concept (title, term id, summary, URL), fetched by the
// wikilink preview script instead of the whole target page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

export const getStaticPaths = (async () => {
  const entries = await getCollection('concepts');
  return entries.map((entry) => ({
    params: { slug: entry.id },
    props: { title: entry.data.title, termId: entry.data.termId, summary: entry.data.summary },
    cacheKey: JSON.stringify([entry.data.title, entry.data.termId, entry.data.summary]),
  }));
}) satisfies GetStaticPaths;

interface PreviewProps {
  title: string;
  termId: string | null;
  summary: string;
}

export const GET: APIRoute<PreviewProps> = ({ props, params }) => {
  const body = { title: props.title, termId: props.termId, summary: props.summary, url: `/concepts/${params.slug}/` };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
