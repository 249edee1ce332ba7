/** React bindings for the classroom connection store. */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ClassroomStore } from './classroom';

export const ClassroomContext = createContext<StoreApi<ClassroomStore> | null>(null);

export function useClassroomApi(): StoreApi<ClassroomStore> {
  const api = useContext(ClassroomContext);
  if (!api) throw new Error('useClassroom needs a <ClassroomContext.Provider>');
  return api;
}

export function useClassroom<T>(selector: (s: ClassroomStore) => T): T {
  return useStore(useClassroomApi(), selector);
}
