# Thread ids as Linux gives them: the main thread's native id is the process id, every started
# thread has its own, distinct from its ident; a thread not yet started has none.
import os
import threading

main = threading.main_thread()
print(main.native_id == threading.get_native_id() == os.getpid(), main.ident == threading.get_ident())
seen = []


def work():
    seen.append((threading.get_native_id(), threading.current_thread().native_id, threading.get_ident()))


threads = [threading.Thread(target=work) for _ in range(3)]
print([t.native_id for t in threads])
for t in threads:
    t.start()
    t.join()
print(all(native == own for native, own, _ in seen), len({native for native, _, _ in seen} | {os.getpid()}))
print(all(native != ident for native, _, ident in seen), all(isinstance(t.native_id, int) for t in threads))
