/** Templates: the bundled presets and the trainer's own, stored in the browser. */
import { create } from 'zustand';
import { newId } from '../domain/ids';
import { type KeepOptions, type Template, type TemplateMeta, canvasFromTemplate, templateFromCanvas } from '../domain/templates';
import type { Canvas } from '../domain/model';
import type { CanvasRepository } from '../storage/repository';
import { loadPresets as loadBundledPresets } from './presets';
import { type LibraryStore, useLibraryStore } from './libraryStore';
import { repository as appRepository } from './repositoryStore';

export interface TemplateState {
  status: 'loading' | 'ready' | 'failed';
  presets: Template[];
  own: Template[];
  load(): Promise<void>;
  save(template: Template): Promise<void>;
  remove(id: string): Promise<void>;
  /** Creates a canvas from a template; resolves to the canvas id. */
  /** A new canvas from the template, titled as the facilitator asked (the template's title when not given). */
  use(template: Template, title?: string): Promise<string>;
  saveFromCanvas(canvas: Canvas, meta: TemplateMeta, keep: KeepOptions): Promise<Template>;
}

export interface TemplateStoreOptions {
  repository: () => Promise<CanvasRepository>;
  /** Where a canvas made from a template goes. */
  library: LibraryStore;
  loadPresets?: () => Promise<Template[]>;
}

export const createTemplateStore = ({ repository, library, loadPresets = loadBundledPresets }: TemplateStoreOptions) =>
  create<TemplateState>()((set, get) => ({
    status: 'loading',
    presets: [],
    own: [],

    async load() {
      try {
        const [presets, own] = await Promise.all([loadPresets(), repository().then((repo) => repo.listTemplates())]);
        own.sort((a, b) => b.updatedAt - a.updatedAt);
        set({ presets, own, status: 'ready' });
      } catch (error) {
        console.warn('Outcome Canvas: could not load templates', error);
        set({ status: 'failed' });
      }
    },

    async save(template) {
      if (template.preset) throw new Error('Presets cannot be changed.');
      await (await repository()).saveTemplate(template);
      await get().load();
    },

    async remove(id) {
      if (get().presets.some((preset) => preset.id === id)) return;
      await (await repository()).deleteTemplate(id);
      await get().load();
    },

    use(template, title) {
      return library.getState().add(canvasFromTemplate(template, newId(), newId, Date.now(), title));
    },

    async saveFromCanvas(canvas, meta, keep) {
      const template = templateFromCanvas(canvas, meta, keep, newId(), Date.now());
      await get().save(template);
      return template;
    },
  }));

/** The running app's templates. */
export const useTemplateStore = createTemplateStore({ repository: appRepository, library: useLibraryStore });

export function findTemplate(state: Pick<TemplateState, 'presets' | 'own'>, id: string): Template | undefined {
  return state.presets.find((template) => template.id === id) ?? state.own.find((template) => template.id === id);
}
