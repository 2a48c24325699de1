/**
 * A typed listener registry for services and drivers: `Events` maps each event name to its
 * payload. Listeners run synchronously in registration order; a throwing listener is a bug in
 * that listener and propagates to the emitter's caller.
 */
export class Emitter<Events extends object> {
  private readonly listeners: { [K in keyof Events]?: ((payload: Events[K]) => void)[] } = {};

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    const list = (this.listeners[name] ??= []);
    list.push(listener);
    return () => {
      const index = list.indexOf(listener);
      if (index >= 0) list.splice(index, 1);
    };
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    const list = this.listeners[name];
    if (list === undefined) return;
    for (const listener of [...list]) listener(payload);
  }
}
