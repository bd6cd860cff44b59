package uk.orderwatch.support.web;

import java.util.List;

/** One page of a list: the items, which page (from 0), its size, and how many there are in all. */
public record PageResult<T>(List<T> items, int page, int size, long total) {
}
