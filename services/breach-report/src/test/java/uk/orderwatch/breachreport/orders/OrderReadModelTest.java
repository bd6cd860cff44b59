package uk.orderwatch.breachreport.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class OrderReadModelTest {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final OrderReadModel orders = new OrderReadModel(mongo);
    private final KnownOrder known = new KnownOrder("order-1", 3, null, null);

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withinOneRequestTheOrderIsReadOnceAndTheSameVersionIsSeen() {
        when(mongo.findById("order-1", KnownOrder.class)).thenReturn(known);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));

        assertThat(orders.require("order-1")).isSameAs(known);
        assertThat(orders.find("order-1")).containsSame(known);

        verify(mongo, times(1)).findById("order-1", KnownOrder.class);
    }

    @Test
    void eachRequestAndWorkOutsideARequestReadsTheStore() {
        when(mongo.findById("order-1", KnownOrder.class)).thenReturn(known);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        orders.find("order-1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        orders.find("order-1");
        RequestContextHolder.resetRequestAttributes();
        orders.find("order-1");
        orders.find("order-1");

        verify(mongo, times(4)).findById("order-1", KnownOrder.class);
    }

    @Test
    void anOrderNotYetKnownIsLookedForAgainInTheSameRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(orders.find("order-1")).isEmpty();
        when(mongo.findById("order-1", KnownOrder.class)).thenReturn(known);

        assertThat(orders.find("order-1")).containsSame(known);
    }
}
