"""Functions run in the isolated worker by test_isolate.py: misbehaving parsers, on purpose."""
import time


def sleep_forever():
    time.sleep(3600)


def eat_memory():
    hog = []
    while True:
        hog.append(bytearray(64 * 1024 * 1024))


def add(a, b):
    return a + b


def crash():
    import os
    os._exit(3)
